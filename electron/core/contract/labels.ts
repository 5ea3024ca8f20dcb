/** Chinese names of input fields, used to say which field an input error is about. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  year: '年度',
  title: '批次名称',
  opensOn: '开始日期',
  closesOn: '截止日期',
  status: '状态',
  extraBatchReason: '理由',
  bureauName: '发文机关',
  operatorName: '操作人',
  docNumberPrefix: '发文字号前缀',
  certNumberPrefix: '证书编号前缀',
  limit: '条数',
  name: '名称',
};
