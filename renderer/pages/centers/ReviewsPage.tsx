import { ComingSoon } from '../../components/ComingSoon';

/** 三年复核 (being built). */
export function ReviewsPage() {
  return <ComingSoon area="三年复核" />;
}
