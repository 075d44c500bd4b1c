// A Putian-like portal page with <jc-dashboard>, for screenshots and the Chromium benchmark.
import '../../packages/dashboard/src/define.js';
import type { JcDashboard } from '../../packages/dashboard/src/index.js';
import { putianData, TOPICS, PUTIAN_DISTRICTS } from '../../packages/dashboard/test/shared/fixtures.js';

const q = new URLSearchParams(location.search);
const theme = q.get('theme') ?? 'light';
const mode = q.get('mode') ?? 'standard';
const lang = q.get('lang') ?? 'zh';
document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
const dark = theme === 'dark' || mode === 'wall';
document.body.style.cssText = `margin:0;background:${dark ? '#010409' : '#eef1f5'};font-family:system-ui,'Noto Sans CJK SC',sans-serif`;
const bar = document.createElement('header');
bar.style.cssText = `padding:10px 16px;background:${dark ? '#161b22' : '#b4232a'};color:#fff;font-size:${mode === 'wall' ? 26 : 18}px;font-weight:600`;
bar.textContent = lang === 'en' ? 'Putian grid governance — city dashboard' : '莆田市网格化服务管理平台 · 数据驾驶舱';
document.body.append(bar);
const main = document.createElement('main');
main.style.cssText = 'padding:12px';
const el: JcDashboard = document.createElement('jc-dashboard');
if (q.get('theme')) el.theme = theme as 'light' | 'dark';
el.mode = mode as 'standard' | 'wall';
el.lang = lang;
el.topics = lang === 'en'
  ? [{ id: 'epidemic', label: 'Epidemic control' }, { id: 'safety', label: 'Work safety' }, { id: 'environment', label: 'Environment' }]
  : TOPICS;
const data = putianData();
if (q.get('suppressed')) data.kpis.overdue = { value: null, previous: 3 };
el.data = data;
main.append(el);
document.body.append(main);

/** Data for each district, prepared before timing: the core computes, the page only renders. */
const districts = PUTIAN_DISTRICTS.map(([code, name], i) => putianData({ code, name, seed: 11 + i, scale: 1 / 7 }));
(window as unknown as Record<string, unknown>).jc = { el, districts, city: data };
