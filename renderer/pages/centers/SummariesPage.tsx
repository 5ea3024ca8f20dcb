import { ComingSoon } from '../../components/ComingSoon';

/** 年度工作总结 (being built). */
export function SummariesPage() {
  return <ComingSoon area="年度工作总结" />;
}
