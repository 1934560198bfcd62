/** The API's answers the app reads (shapes from shared/application/me/me.ts and the evaluation routes). */
import type { ApiSkp } from './skp-form';

export interface Me {
  nip: string;
  name: string;
  jabatan: string | null;
  unit: { unitId: string; name: string } | null;
  roles: string[];
  cycles: { cycleId: string; year: number; stage: string; status: string; evaluated: boolean; rater: boolean }[];
}
export interface Acting {
  kind: 'plt' | 'plh';
  forNip: string;
  forName: string;
}
export interface Task {
  kind: string;
  role: 'employee' | 'rater' | 'peer' | 'approver';
  nip: string;
  name: string;
  href: string;
  deadline?: string;
  decisionId?: string;
  acting?: Acting;
}
export interface Tasks {
  cycle: { cycleId: string; year: number; status: string; stage: string };
  stage: { stage: string; index: number; count: number; openedAt: string | null; deadline: string | null; total: number; done: number };
  own: { status: string; predikat: string | null } | null;
  team: { nip: string; name: string; jabatan: string; status: string }[];
  tasks: Task[];
}
export interface Realisation {
  indicatorId: string;
  value?: number;
  judgement?: string;
  evidence?: string[];
}
export interface Evaluation {
  cycleId: string;
  nip: string;
  name: string;
  jabatan: string;
  raterNip?: string;
  status: string;
  skp?: ApiSkp;
  skpNotes?: string;
  returnReason?: string;
  progress?: Realisation[];
  realisations?: Realisation[];
  feedback?: Record<string, unknown[]>;
  midyearReview?: { rating: string; notes: string };
  selfAssessment?: Record<string, { summary?: string; rhk?: { rhkId: string; rating: string; note?: string }[] }>;
  rating?: { rhkRatings?: { rhkId: string; rating: string; reason?: string }[]; behaviourRating?: { rating: string; reason?: string } };
  score?: { resultsRating?: string; behaviour?: { final?: string }; predikat?: string };
  predikat?: string | null;
  objection?: { reason: string; requestedPredikat?: string; decision?: 'GRANTED' | 'REJECTED'; comment?: string };
  followUp?: { consequences: { label: { id: string; en: string } }[]; training: { title: { id: string; en: string }; provider: string; hours: number }[] };
}
export interface EvaluationDetail {
  evaluation: Evaluation;
  invitations: { peerNip: string }[];
}
export interface ParentRhk {
  superior: { nip: string; name: string; jabatan: string } | null;
  required: boolean;
  items: { id: string; jenis: string; description: string }[];
}
export interface Proposal {
  available: boolean;
  rhk?: { rhkId: string; proposed: string; achievement: number | null }[];
  behaviour?: { proposed: string };
  predikat?: string;
}
export interface PendingDecision {
  decisionId: string;
  kind: 'SKP_APPROVAL' | 'EVALUATION_APPROVAL' | 'OBJECTION';
  cycleId: string;
  stage: string;
  deadline?: string;
  subject: { nip: string; name: string; jabatan: string; unitName: string };
  acting?: Acting;
  details: {
    rhk: { title: string; jenis: string; indicators: { name: string; target: string; realisation?: string }[]; intervensi?: string; rating?: string }[];
    resultsRating?: string;
    behaviourRating?: string;
    predikat?: string;
  };
  objection?: { reason: string; requestedPredikat?: string };
}

/** Beranda's answer: the current cycle's tasks, or no cycle at all. */
export type HomeTasks = Tasks | { cycle: null; stage: null; own: null; team: never[]; tasks: never[] };
