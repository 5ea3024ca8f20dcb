/** Names of the application vocabulary as plain data (no zod), so the renderer may import them as values (see eslint.config.js). */
import type { IpFigures } from './applications/entities.js';

/** 知识产权集聚度: each count's name, in the order of the form and the expert's view. */
export const IP_FIGURE_LABELS: readonly (readonly [keyof IpFigures, string])[] = [
  ['invention', '发明专利'],
  ['utility', '实用新型专利'],
  ['design', '外观设计专利'],
  ['trademarks', '商标'],
  ['gi', '地理标志'],
  ['copyrights', '著作权'],
  ['standards', '标准'],
];
