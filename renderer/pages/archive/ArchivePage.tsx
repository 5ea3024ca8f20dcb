import { ComingSoon } from '../../components/ComingSoon';

/** 年度档案 (being built). */
export function ArchivePage() {
  return <ComingSoon area="年度档案" />;
}
