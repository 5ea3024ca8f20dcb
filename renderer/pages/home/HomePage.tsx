import { ComingSoon } from '../../components/ComingSoon';

/** 首页 (being built). */
export function HomePage() {
  return <ComingSoon area="首页" />;
}
