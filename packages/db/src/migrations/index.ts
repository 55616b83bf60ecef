import { Migration20261123000001AuthSchema } from './Migration20261123000001AuthSchema.js';
import { Migration20261123000002Projects } from './Migration20261123000002Projects.js';
import { Migration20261123000003ProjectSourceUrl } from './Migration20261123000003ProjectSourceUrl.js';
import { Migration20261123000004Transcripts } from './Migration20261123000004Transcripts.js';
import { Migration20261123000005Exports } from './Migration20261123000005Exports.js';
import { Migration20261123000006ImportAssets } from './Migration20261123000006ImportAssets.js';
import { Migration20261123000007Moments } from './Migration20261123000007Moments.js';
import { Migration20261123000008TrackFit } from './Migration20261123000008TrackFit.js';
import { Migration20261123000009Credits } from './Migration20261123000009Credits.js';
import { Migration20261123000010Billing } from './Migration20261123000010Billing.js';
import { Migration20261123000011ApiTokens } from './Migration20261123000011ApiTokens.js';
import { Migration20261123000012Emails } from './Migration20261123000012Emails.js';

/** Listed explicitly (not globbed) so the compiled package runs them in order from anywhere. */
export const migrations = [Migration20261123000001AuthSchema, Migration20261123000002Projects, Migration20261123000003ProjectSourceUrl, Migration20261123000004Transcripts, Migration20261123000005Exports, Migration20261123000006ImportAssets, Migration20261123000007Moments, Migration20261123000008TrackFit, Migration20261123000009Credits, Migration20261123000010Billing, Migration20261123000011ApiTokens, Migration20261123000012Emails];
