/** 申报材料: the seven items of an application (榕市监规〔2022〕6号). Pure data. */

export interface MaterialItemSpec {
  /** 1–7, the order of the work plan. */
  no: number;
  title: string;
  /** What the reviewer looks for (shown next to the item in formal review). */
  hint: string;
}

export const MATERIAL_ITEMS: readonly MaterialItemSpec[] = [
  { no: 1, title: '申请表', hint: '按统一格式填写，内容完整，由法定代表人（负责人）签字并加盖单位公章。' },
  {
    no: 2,
    title: '营业执照或法人登记证复印件（加盖公章）',
    hint: '营业执照、事业单位法人证书或社会团体法人登记证书等复印件，须在有效期内并加盖单位公章。',
  },
  { no: 3, title: '相关规章和管理制度', hint: '单位知识产权管理制度及中心运行管理制度等，须为已印发执行的正式文本。' },
  { no: 4, title: '工作团队人员情况', hint: '中心负责人及工作人员名单、学历、职称或资格、分工，须有稳定的专职人员。' },
  { no: 5, title: '中心办公场所证明', hint: '产权证明或租赁合同等，能证明中心有固定、专门的办公场所。' },
  {
    no: 6,
    title: '产业知识产权工作情况或知识产权军民融合工作情况证明',
    hint: '近年开展产业知识产权保护、运营或军民融合工作的情况说明及佐证材料。',
  },
  { no: 7, title: '其他相关证明材料', hint: '荣誉、合作协议、知识产权数量等其他能证明符合申报条件的材料。' },
];

export const MATERIAL_NOS: readonly number[] = MATERIAL_ITEMS.map((m) => m.no);

/** The item with number `no`, or undefined. */
export function materialItem(no: number): MaterialItemSpec | undefined {
  return MATERIAL_ITEMS.find((m) => m.no === no);
}
