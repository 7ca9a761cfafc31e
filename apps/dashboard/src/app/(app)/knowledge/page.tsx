import { Panel } from '@replyline/ui/panel';
import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import { ArticleAllowance } from '~/components/knowledge/article-allowance';
import { DocumentList } from '~/components/knowledge/document-list';
import type { KnowledgeDocument } from '~/components/knowledge/document-status';
import { FaqEditor, type FaqEntry } from '~/components/knowledge/faq-editor';
import { FaqImport } from '~/components/knowledge/faq-import';
import { PdfUpload } from '~/components/knowledge/pdf-upload';
import { Playground } from '~/components/knowledge/playground';
import { TextDocumentForm } from '~/components/knowledge/text-document-form';
import { uploadLimits } from '~/components/knowledge/upload-limits';
import { WebsiteSources } from '~/components/knowledge/website-sources';
import type { WebsiteSource } from '~/components/knowledge/website-status';
import { prefetched } from '~/components/widget/prefetched';
import { requireWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';
import '~/components/widget/panels.css';
import '~/components/knowledge/knowledge.css';

export const metadata: Metadata = { title: 'Knowledge' };

/** What the assistant answers from: documents, FAQ entries, and a playground to try them. */
export default async function KnowledgePage() {
  const { current } = await requireWorkspace();
  const canEdit = current.role !== 'agent';
  const api = await serverApi();
  const [documents, faqEntries, websites] = await Promise.all([
    prefetched<KnowledgeDocument[]>(() => api.knowledge.list()),
    prefetched<FaqEntry[]>(() => api.knowledge.faqEntries()),
    prefetched<WebsiteSource[]>(() => api.knowledge.websites()),
  ]);
  return (
    <div className="page">
      <header className="page__header">
        <h1>Knowledge</h1>
        <p className="muted">The websites, files and FAQs your assistant answers from.</p>
      </header>
      {!canEdit && (
        <ReadOnlyNotice>
          You can read the knowledge and test the bot. Adding or changing it needs the admin role.
        </ReadOnlyNotice>
      )}
      <nav className="page-nav" aria-label="On this page">
        <ul>
          <li>
            <a href="#websites">Websites</a>
          </li>
          <li>
            <a href="#documents">Documents</a>
          </li>
          <li>
            <a href="#faq">FAQ</a>
          </li>
          <li>
            <a href="#playground">Test the bot</a>
          </li>
        </ul>
      </nav>
      {canEdit && <ArticleAllowance />}
      <Panel
        id="websites"
        title="Websites"
        description="Your site's pages, read again on a schedule: changed pages are updated, removed ones leave."
      >
        <WebsiteSources canEdit={canEdit} initial={websites} />
      </Panel>
      <Panel
        id="documents"
        title="Documents"
        description="PDF, Word, HTML, Markdown and text files are split into passages the assistant searches."
      >
        {canEdit && <PdfUpload maxBytes={uploadLimits().maxBytes} />}
        <DocumentList canEdit={canEdit} initial={documents} />
        {canEdit && (
          <details className="disclosure">
            <summary>Add a text document</summary>
            <TextDocumentForm />
          </details>
        )}
      </Panel>
      <Panel
        id="faq"
        title="FAQ"
        description="Questions with the exact answer to give. Searchable as soon as they are saved."
      >
        <FaqEditor canEdit={canEdit} initial={faqEntries} />
        {canEdit && (
          <details className="disclosure">
            <summary>Import from CSV or Markdown</summary>
            <FaqImport />
          </details>
        )}
      </Panel>
      <Panel
        id="playground"
        title="Test the bot"
        description="Ask a question as a visitor would: see the answer and the passages behind it, with their scores."
      >
        <Playground />
      </Panel>
    </div>
  );
}
