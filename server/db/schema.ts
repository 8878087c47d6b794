import type { Generated } from 'kysely';

// Row types as both engines store them. Timestamps are ISO-8601 UTC text
// ("2024-06-30T15:59:59.000Z") on both; see docs/decisions/0003-portable-data.md.

export interface CampaignsTable {
  id: string;
  slug: string;
  edition: number;
  definition: string;
  content_hash: string;
  source_file: string;
  time_zone: string;
  opens_at: string;
  closes_at: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  email_verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: 'organizer' | 'reviewer' | 'submitter' | 'learner';
  /** Null grants the role for every campaign (a platform organizer). */
  campaign_id: string | null;
  created_at: string;
}

export interface SchemaMigrationsTable {
  name: string;
  timestamp: Generated<string>;
}

export interface Database {
  campaigns: CampaignsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
}
