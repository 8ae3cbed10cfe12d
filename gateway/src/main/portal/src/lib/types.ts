/** The JSON the portal reads, as the services' response records define it. */

export interface Me {
  name: string;
  subject: string;
  roles: string[];
  via: string;
}

export interface Person {
  id: string;
  name: string;
}

export interface Promotion {
  promotionId: string;
  applicationId: string;
  releaseId: string;
  version: string;
  environment: string;
  status: string;
  lifecycleVersion: number;
  requestedBy: Person;
  requestedAt: string;
  rollbackOf?: string | null;
  reason?: string | null;
  requiredApprovals?: number | null;
  approverRoles?: string[] | null;
  fourEyes?: boolean | null;
  approvalDeadline?: string | null;
  approvedBy: Person[];
  waitingUntil?: string | null;
  waitReason?: string | null;
  freezeOverridden: boolean;
  outcomeBy?: Person | null;
  outcomeDetail?: string | null;
  updatedAt: string;
  /** backup-service's run of the pre-deploy backup, once it answered. */
  backupRunId?: string | null;
  backupSha256?: string | null;
  /** automation-service's run of the deploy task, once it answered. */
  deployRunId?: string | null;
}

export interface Application {
  id: string;
  name: string;
  owningTeam: string;
  repositoryUrl: string;
  lifecycleVersion: number;
  environments: { name: string }[];
  registeredAt: string;
}

export interface Board {
  applicationId: string;
  lifecycleVersion: number;
  environments: {
    environment: string;
    current?: { releaseId: string; version: string; promotionId: string; deployedAt: string } | null;
    incoming?: Promotion | null;
  }[];
}

export interface Release {
  releaseId: string;
  applicationId: string;
  version: string;
  commitSha: string;
  artifactReference: string;
  notes?: string | null;
  createdBy: Person;
  createdAt: string;
}

export interface Restore {
  restoreId: string;
  runId: string;
  targetId: string;
  destinationKind: string;
  destinationName?: string | null;
  status: string;
  requestedById: string;
  requestedByName: string;
  requestedAt: string;
  requiredApprovals: number;
  approverRoles: string[];
  fourEyes: boolean;
  approvalDeadline?: string | null;
  approvedBy: string[];
  safetyRunId?: string | null;
  outcomeDetail?: string | null;
  updatedAt: string;
}

export interface SufficiencyEntry {
  targetId: string;
  name: string;
  kind: string;
  state: string;
  policyId?: string | null;
  rpo?: string | null;
  lastGoodBackupAt?: string | null;
  lastGoodBackupAge?: string | null;
  lastGoodRunId?: string | null;
  lastVerifiedAt?: string | null;
  verificationOverdue: boolean;
  newestBackupUnusable: boolean;
}

export interface SufficiencyReport {
  assessedAt: string;
  targets: number;
  compliant: number;
  atRisk: number;
  breached: number;
  unprotected: number;
  entries: SufficiencyEntry[];
}

export interface BackupPolicy {
  policyId: string;
  targetId: string;
  version: number;
  cron: string;
  zone: string;
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
  rpo: string;
  verificationCron?: string | null;
  requiredApprovals: number;
  approverRoles: string[];
  fourEyes: boolean;
  updatedAt: string;
}

export interface BackupRun {
  runId: string;
  targetId: string;
  targetName: string;
  policyId?: string | null;
  trigger: string;
  status: string;
  verification?: string | null;
  expired: boolean;
  requestedBy?: string | null;
  requestedAt: string;
  completedAt?: string | null;
  sizeBytes?: number | null;
  sha256?: string | null;
  failureReason?: string | null;
  verifiedAt?: string | null;
  verificationDetail?: string | null;
}

export interface AuditEntry {
  service: string;
  globalIndex: number;
  eventId: string;
  time: string;
  actorId?: string | null;
  actorName?: string | null;
  aggregateType: string;
  aggregateId: string;
  aggregateSequence: number;
  type: string;
  summary: string;
  correlationId?: string | null;
  causationId?: string | null;
  previousHash: string;
  hash: string;
}

export interface AuditAnswer {
  entries: AuditEntry[];
  nextCursor?: string | null;
  missing: { service: string; reason: string }[];
}

export interface AuditVerification {
  valid: boolean;
  chains: {
    service: string;
    valid: boolean;
    entries: number;
    firstBrokenGlobalIndex?: number;
    reason?: string;
    tampering?: "CHANGED" | "INSERTED" | "MISSING";
    checkpointGlobalIndex?: number;
    checkpointTime?: string;
    rejectedCheckpoints?: number;
  }[];
  missing: { service: string; reason: string }[];
}

export interface AccessRequest {
  requestId: string;
  grantId?: string | null;
  extension: boolean;
  resourceId: string;
  resourceName: string;
  requesterId: string;
  requesterName: string;
  justification: string;
  duration: string;
  status: string;
  requestedAt: string;
  deadline?: string | null;
  requiredApprovals: number;
  approverRoles: string[];
  fourEyes: boolean;
  approvedBy: string[];
  approvedByNames?: string[] | null;
  outcomeBy?: string | null;
  outcomeDetail?: string | null;
  updatedAt: string;
}

export interface TaskRun {
  runId: string;
  taskId: string;
  version: number;
  status: string;
  trigger: string;
  parameters: Record<string, string>;
  digest: string;
  requestedById: string;
  requestedByName: string;
  requestedAt: string;
  requiredApprovals?: number | null;
  approverRoles?: string[] | null;
  approvalDeadline?: string | null;
  approvedBy?: string[] | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  exitCode?: number | null;
  detail?: string | null;
  updatedAt: string;
}

/** A run's states that can still change; the rest are final (RunStatus.isFinished on the server). */
export const OPEN_RUN_STATES = new Set(["REQUESTED", "AWAITING_APPROVAL", "QUEUED", "RUNNING"]);

/** One typed parameter of a task, as automation-service's ParameterSpec defines it. */
export interface ParameterSpec {
  name: string;
  type: "STRING" | "INTEGER" | "BOOLEAN" | "ENUM" | "SECRET";
  required: boolean;
  defaultValue?: string | null;
  pattern?: string | null;
  maxLength?: number | null;
  min?: number | null;
  max?: number | null;
  values?: string[] | null;
}

export interface TaskSpec {
  name: string;
  description?: string | null;
  executor: { kind: string; executable?: string; arguments?: string[]; method?: string; url?: string };
  parameters?: ParameterSpec[] | null;
  timeout?: string | null;
  concurrency?: string | null;
  runRoles?: string[] | null;
  approvalPolicy?: { requiredApprovals: number; approverRoles: string[]; fourEyes: boolean; decisionTimeout?: string } | null;
  schedule?: { cron: string; zone: string; misfire: string } | null;
}

export interface Task {
  taskId: string;
  name: string;
  version: number;
  spec: TaskSpec;
  definedBy: string;
  definedAt: string;
  updatedAt: string;
}

export interface TaskVersion {
  taskId: string;
  version: number;
  spec: TaskSpec;
  definedBy: string;
  definedAt: string;
}

export interface RunLog {
  runId: string;
  chunks: { offset: number; text: string }[];
  nextOffset: number;
  finished: boolean;
}

/** A resource access is given to (access-service's ResourceView). */
export interface Resource {
  resourceId: string;
  name: string;
  description?: string | null;
  owningTeam: string;
  kind: string;
  target: string;
  requiredApprovals: number;
  approverRoles: string[];
  fourEyes: boolean;
  maxDuration: string;
  requesterRoles: string[];
  breakGlassRoles: string[];
}

export interface Grant {
  grantId: string;
  requestId?: string | null;
  resourceId: string;
  targetKind: string;
  targetName: string;
  userId: string;
  userName: string;
  status: string;
  breakGlass: boolean;
  justification: string;
  approvers: string[];
  activatedAt?: string | null;
  expiresAt?: string | null;
  endedAt?: string | null;
  endReason?: string | null;
  reviewStatus?: string | null;
}

export interface AccessReview {
  reviewId: string;
  name: string;
  resourceId?: string | null;
  reviewerRoles: string[];
  deadline: string;
  status: string;
  openedBy: string;
  openedAt: string;
  closedAt?: string | null;
  items: AccessReviewItem[];
}

export interface AccessReviewItem {
  grantId: string;
  resourceId: string;
  userId: string;
  userName: string;
  decision?: string | null;
  decidedBy?: string | null;
  comment?: string | null;
  decidedAt?: string | null;
}

/** What access-service's /access-requests/pending answers: one shape for every kind of decision. */
export interface PendingAccessItem {
  kind: "ACCESS_REQUEST" | "BREAK_GLASS_REVIEW" | "ACCESS_REVIEW_ITEM";
  decideAt: string;
  resourceId: string;
  userId: string;
  userName: string;
  summary: string;
  deadline: string;
  requestId?: string | null;
  grantId?: string | null;
  reviewId?: string | null;
}
