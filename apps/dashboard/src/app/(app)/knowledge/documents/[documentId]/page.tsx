import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DocumentView } from '~/components/knowledge/document-view';
import { requireWorkspace } from '~/server/workspace';
import '~/components/knowledge/knowledge.css';

export const metadata: Metadata = { title: 'Document' };

/** One document: its pages or sections and passages, search within it, its original file. */
export default async function DocumentPage({
  params,
}: {
  params: Promise<{ documentId: string }>;
}) {
  const { current } = await requireWorkspace();
  const { documentId } = await params;
  if (!z.uuid().safeParse(documentId).success) notFound();
  return <DocumentView documentId={documentId} canEdit={current.role !== 'agent'} />;
}
