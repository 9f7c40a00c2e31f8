import { builder } from '../builder.ts';
import { scopeRelations } from '../scope/scoped-relations.ts';
import './root.ts';
import './scalars.ts';
import './enums.ts';
import './errors.ts';
import '../domains/accounts/user.ts';
import '../domains/accounts/auth.ts';
import '../domains/emulation/block.ts';
import '../domains/units/unit.ts';
import '../domains/people/person.ts';
import '../domains/cycles/cycle.ts';
import '../domains/evaluation/evaluation.ts';
import '../domains/audit/audit.ts';
import '../domains/evidence/import.ts';
import '../domains/emulation/emulation.ts';
import '../domains/councils/council.ts';
import '../domains/evaluation/flag.ts';
import '../domains/appeals/appeal.ts';
import '../domains/documents/document.ts';
import '../domains/calibration/calibration.ts';
import '../domains/checklist/checklist.ts';
import '../domains/checklist/cycle-settings.ts';
import '../domains/periods/periods.ts';
import '../domains/evidence/evidence.ts';
import '../domains/reminders/reminders.ts';

// every relation to a scoped type goes through its where-builder (scope/scoped-relations.ts)
export const schema = scopeRelations(builder.toSchema({ sortSchema: false }));
