import { ComingSoon } from '../../components/ComingSoon';

/** 中期考核 (being built). */
export function AssessmentsPage() {
  return <ComingSoon area="中期考核" />;
}
