import type { ImportedAssets, Project, VideoMetadata } from '../project.js';

export interface NewProject {
  id: string;
  orgId: string;
  createdBy: string;
  name: string;
  sourceKey: string;
  sourceUrl?: string | null;
}

export interface ProjectPage {
  items: Project[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ProjectRepository {
  create(project: NewProject): Promise<Project>;
  /** Scoped by organization: another org's project is indistinguishable from a missing one. */
  findInOrg(orgId: string, id: string): Promise<Project | null>;
  findById(id: string): Promise<Project | null>;
  listInOrg(orgId: string, page: { limit: number; cursor: string | null }): Promise<ProjectPage>;
  rename(orgId: string, id: string, name: string): Promise<Project | null>;
  deleteInOrg(orgId: string, id: string): Promise<boolean>;
  setProgress(id: string, change: { status: Project['status']; stage: string | null; progress: number }): Promise<void>;
  /** Says why an uploaded project has not started, unless its import already has. */
  noteWaiting(id: string, stage: string): Promise<void>;
  markReady(id: string, result: { metadata: VideoMetadata } & ImportedAssets): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
}
