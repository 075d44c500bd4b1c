// A Vue 3 page using the Jiceng elements as plain tags. Vue is told the jc-* tags are custom
// elements; `:hierarchy` sets a property, `@jc-select` listens for the element's event.
// Typings: `@jiceng/grid-tree/vue` and `@jiceng/dashboard/vue`.
import type {} from '@jiceng/grid-tree/vue';
import type {} from '@jiceng/dashboard/vue';
import '@jiceng/grid-tree';
import '@jiceng/dashboard';
import { createApp, markRaw, ref } from 'vue';
import { buildHierarchy } from '@jiceng/core';
import { generatePutian } from '@jiceng/putian';
import type { JcSelectDetail } from '@jiceng/grid-tree';

const city = generatePutian({ seed: 1 });
const built = buildHierarchy(city.config, city.nodes);
if (!built.ok) throw new Error(built.errors[0].en);
// The index is immutable and large: keep Vue's reactivity off it.
const hierarchy = markRaw(built.value);

const app = createApp({
  setup() {
    const code = ref(hierarchy.code(0));
    const onSelect = (e: CustomEvent<JcSelectDetail>) => { if (e.detail.code) code.value = e.detail.code; };
    const name = () => hierarchy.name(hierarchy.indexOf(code.value));
    return { hierarchy, code, onSelect, name };
  },
  template: `
    <main style="display:grid;grid-template-columns:320px 1fr;gap:16px;height:100vh">
      <jc-grid-tree :hierarchy="hierarchy" selection="single" :selected="[code]" label="莆田市" @jc-select="onSelect"></jc-grid-tree>
      <section><h1 id="selected">{{ name() }}</h1><jc-dashboard period="year"></jc-dashboard></section>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-');
app.mount('#app');
document.body.dataset.ready = '1';
