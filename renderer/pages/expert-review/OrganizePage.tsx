import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBatchChoice } from '../../components/useBatchChoice';
import { BatchBar } from '../../components/BatchBar';
import { TemplateCard } from './TemplateCard';
import { PanelCard } from './PanelCard';
import { AssignmentsCard } from './AssignmentsCard';
import { PackagesCard } from './PackagesCard';
import { useBatchReview } from './useBatchReview';

/** 评审组织: the batch's scoring template, panel, assignments (conflicts, override, recusal) and packages. */
export function OrganizePage() {
  const intake = useBatchChoice();
  const review = useBatchReview(intake.batchId);
  const batchId = intake.batchId;
  return (
    <>
      <PageHeader title="评审组织" description="设定评分表和评审专家组，分配评审任务并检查利益冲突，向专家发出离线评审包。" />
      <BatchBar intake={intake} />
      <ErrorAlert error={review.error} title="无法读取评审数据" onRetry={review.reload} />
      {batchId ? (
        <>
          <TemplateCard batchId={batchId} />
          <PanelCard batchId={batchId} review={review} />
          <AssignmentsCard batchId={batchId} review={review} />
          <PackagesCard batchId={batchId} review={review} />
        </>
      ) : null}
    </>
  );
}
