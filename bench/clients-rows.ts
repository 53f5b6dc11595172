/** Generated rows for the client-list benchmark (no Node imports: also bundled into the browser page of bench/clients.ts). */
import { CASE_STATUSES, type CaseRow, type ClientRow, type DatasetRow } from '../src/ui/db/db';
import { SECTORS } from '../src/ui/state/clients';

const CITIES = ['宁夏', '内蒙古', '山东', '安徽', '云南', '广东', '新疆', '河南'];
const KINDS = ['铝业', '水泥', '钢铁', '电池', '化肥'];

export function makeRows(sample: unknown, clients = 500, datasetsPerCase = 3): { clients: ClientRow[]; cases: CaseRow[]; datasets: DatasetRow[] } {
  const cs: ClientRow[] = [];
  const ks: CaseRow[] = [];
  const ds: DatasetRow[] = [];
  for (let i = 0; i < clients; i++) {
    const city = CITIES[i % CITIES.length]!;
    const kind = KINDS[i % KINDS.length]!;
    cs.push({
      id: `c${i}`,
      names: { zh: `${city}${kind}有限公司 ${i}`, en: `Client ${i} ${kind === '铝业' ? 'Aluminium' : 'Industrial'} Co.`, ar: `شركة العميل ${i}` },
      region: city,
      sector: SECTORS[i % SECTORS.length],
      archived: i % 50 === 0 ? 1 : 0,
      createdAt: i,
      updatedAt: 1_000_000 + i,
    });
    ks.push({
      id: `k${i}`,
      clientId: `c${i}`,
      title: `原铝锭 ${2026 + (i % 3)}`,
      cn: '76011000',
      period: String(2026 + (i % 3)),
      status: CASE_STATUSES[i % 4]!,
      createdAt: i,
      updatedAt: i,
    });
    for (let j = 0; j < datasetsPerCase; j++)
      ds.push({
        id: `d${i}-${j}`,
        name: `Dataset ${i}/${j}`,
        createdAt: i,
        updatedAt: i,
        cn: '76011000',
        origin: 'sample',
        clientId: `c${i}`,
        caseId: `k${i}`,
        data: sample,
      });
  }
  return { clients: cs, cases: ks, datasets: ds };
}

export const QUERIES = [
  { text: '宁夏铝业', lang: 'zh' as const },
  { text: 'aluminium', lang: 'en' as const, sort: 'updated' as const },
  { status: 'waiting' as const, lang: 'ar' as const },
  { sector: 'cement', text: '2027', lang: 'en' as const, sort: 'cases' as const },
];
