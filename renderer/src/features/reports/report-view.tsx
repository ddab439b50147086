import { useState } from 'react';
import { api } from '../../api/client';
import { hrefFor } from '../../app/routes';
import { isString } from '../../lib/drafts';
import { errorMessage } from '../../lib/error-message';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Banner } from '../../ui/banner';
import { Button, LinkButton } from '../../ui/button';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { LessonsEditor } from './lessons-editor';
import { copyReport as copyText, downloadMarkdown as downloadText, reportFileName } from './report-export';
import { ArrowLeft, ClipboardCopy, Download } from './report-icons';
import { ReportPreview } from './report-preview';
import { useRunReport } from './use-run-report';
import './reports.css';

// One run's report: the rendered preview, the lessons learned being edited, export and copy.
// Loaded as its own chunk (markdown-it comes with it), so the app's first paint does not wait.

type Notice = { tone: 'success' | 'danger'; text: string } | undefined;

export function ReportView({ runId }: { runId: string }) {
  const { draft, update, discard } = useSessionDraft(`report-lessons.${runId}`, isString);
  const report = useRunReport(runId, draft);
  const [notice, setNotice] = useState<Notice>();
  const recorded = report.report?.lessons ?? '';
  const lessons = draft ?? recorded;
  const markdown = report.report?.markdown;

  const exportMarkdown = async () => {
    try {
      downloadText(reportFileName(runId), await report.current(draft));
      setNotice({ tone: 'success', text: `Downloaded ${reportFileName(runId)}.` });
    } catch (error) {
      setNotice({ tone: 'danger', text: `Not exported: ${errorMessage(error)}` });
    }
  };
  const copy = async () => {
    try {
      await copyText(await report.current(draft));
      setNotice({ tone: 'success', text: 'The report’s markdown is on the clipboard.' });
    } catch (error) {
      setNotice({ tone: 'danger', text: `Not copied: ${errorMessage(error)}` });
    }
  };
  const save = async (text: string) => {
    const saved = await api.runs.lessons({ runId, text });
    discard();
    report.show(saved);
  };

  const actions = (
    <>
      <Button icon={Download} onClick={() => void exportMarkdown()} disabled={!markdown}>
        Export .md
      </Button>
      <Button icon={ClipboardCopy} onClick={() => void copy()} disabled={!markdown}>
        Copy to clipboard
      </Button>
    </>
  );

  return (
    <div className="report-view">
      <div className="report-toolbar">
        <LinkButton href={hrefFor('reports')} icon={ArrowLeft} variant="ghost">
          All reports
        </LinkButton>
      </div>
      {report.phase === 'failed' && !markdown ? (
        <LoadFailed title={`Could not make the report of ${runId}`} onRetry={() => void report.reload()}>
          {report.error}
        </LoadFailed>
      ) : null}
      {report.report?.open ? (
        <Banner tone="warning" title="This run is still open">
          Its journal records no end yet: the report shows what happened so far, and lessons can be saved once the run
          has ended.
        </Banner>
      ) : null}
      <div className="report-columns">
        <Panel title={`Report of ${runId}`} actions={actions} className="report-panel">
          <div className="report-notice" role="status">
            {notice ? <span className={`report-notice-${notice.tone}`}>{notice.text}</span> : null}
          </div>
          {markdown !== undefined ? (
            <ReportPreview text={markdown} busy={report.phase === 'loading' || report.renderedWith !== draft} />
          ) : report.phase === 'loading' ? (
            <Loading label="Reading the run’s journal…" />
          ) : null}
        </Panel>
        <Panel
          title="Lessons learned"
          description="What went well, what to change next time."
          className="lessons-panel"
        >
          <LessonsEditor
            value={lessons}
            dirty={draft !== undefined && draft !== recorded}
            blocked={report.report?.open ? 'The run is still open: save lessons once it has ended.' : undefined}
            onChange={update}
            onDiscard={discard}
            onSave={save}
          />
        </Panel>
      </div>
    </div>
  );
}
