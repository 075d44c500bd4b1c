// A React 19 page using the Jiceng elements as plain tags: properties are set as properties,
// `onjc-select` listens for the element's `jc-select` event. The typings come from
// `@jiceng/grid-tree/react` and `@jiceng/dashboard/react`.
import type {} from '@jiceng/grid-tree/react';
import type {} from '@jiceng/dashboard/react';
import '@jiceng/grid-tree';
import '@jiceng/dashboard';
import { useMemo, useState } from 'react';
import { buildHierarchy, type HierarchyIndex } from '@jiceng/core';
import { generatePutian } from '@jiceng/putian';
import type { JcSelectDetail } from '@jiceng/grid-tree';
import type { DashboardData } from '@jiceng/dashboard';

export function App({ data }: { data?: (code: string) => DashboardData }) {
  const hierarchy = useMemo<HierarchyIndex>(() => {
    const city = generatePutian({ seed: 1 });
    const h = buildHierarchy(city.config, city.nodes);
    if (!h.ok) throw new Error(h.errors[0].en);
    return h.value;
  }, []);
  const [code, setCode] = useState(hierarchy.code(0));
  return (
    <main style={{ display: 'grid', gridTemplateColumns: '320px 1fr', gap: 16, height: '100vh' }}>
      <jc-grid-tree
        hierarchy={hierarchy}
        selection="single"
        selected={[code]}
        label="莆田市"
        onjc-select={(e: CustomEvent<JcSelectDetail>) => setCode(e.detail.code ?? code)}
      />
      <section>
        <h1 id="selected">{hierarchy.name(hierarchy.indexOf(code))}</h1>
        <jc-dashboard data={data?.(code) ?? null} period="year" onjc-period={(e) => console.log(e.detail.period)} />
      </section>
    </main>
  );
}
