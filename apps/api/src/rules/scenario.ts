// The rules engine's input and output (shared/contract/SCENARIO.md), as the API sees them.
// Kept in one file so the mapping code has one place to follow the contract.

export type RatingValue = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' | 'NOT_RATED';

export type ScenarioInput = {
  year: number;
  pack: string;
  overrides?: Record<string, number | null>;
  units: {
    id: string;
    name: string;
    parentId: string | null;
    block?: string | null;
    parIndex?: number | null;
    satisfactionIndex?: number | null;
  }[];
  people: {
    id: string;
    name: string;
    unitId: string;
    category: 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'NGUOI_LAO_DONG';
    leads: string | null;
    hiredOn: string;
    monthsAbsent: number;
    maternityLeave: boolean;
    pregnantOrChildUnder36Months: boolean;
    retirementOn: string | null;
    pendingProceedings: boolean;
    sensitivePosition: { sector: string; since: string } | null;
    citizenFacing: boolean;
    dossierHandler: boolean;
    conductAssessment: number;
    history: { year: number; rating: RatingValue; titles: string[] }[];
  }[];
  tasks: {
    id: string;
    personId: string;
    weight: number;
    due: string;
    completed: string | null;
    planned: number;
    actual: number;
    majorErrors: number;
    delays: number;
    excused: boolean;
  }[];
  dossiers: {
    personId: string;
    received: number;
    early: number;
    onTime: number;
    late: number;
    apologies: number;
  }[];
  citizenVotes: { personId: string; verySatisfied: number; satisfied: number; dissatisfied: number }[];
  discipline: {
    personId: string;
    form: string;
    decidedOn: string;
    actYear: number;
    concernsDuties: boolean;
    alreadyCountedInYear: number | null;
  }[];
  infractions: { personId: string; kind: string; on: string }[];
  initiatives: { personId: string; scope: string; recognizedOn: string }[];
  ballots: { personId: string; title: string; for: number; members: number }[];
};

export type TraceEntry = { rule: string; citation: string; effect: string; detail: string };

export type PersonEvaluation = {
  id: string;
  score: number | null;
  components: {
    tasks: number | null;
    conduct: number | null;
    reform: number | null;
    citizens: number | null;
  } | null;
  proposedRating: RatingValue;
  rating: RatingValue;
  titles: string[];
  flags: { kind: string; status: string; rule: string; reason: string }[];
  trace: TraceEntry[];
};

export type UnitEvaluation = {
  id: string;
  excellentQuota: { eligible: number; allowed: number; granted: number };
  collectiveTitles: string[];
  blockRank: number | null;
};

export type EvaluationOutput = {
  year: number;
  pack: string;
  people: PersonEvaluation[];
  units: UnitEvaluation[];
  errors: { personId?: string; message: string }[];
};
