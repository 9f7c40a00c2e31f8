import { builder } from '../builder.ts';
import { scopeRelations } from '../scope/scoped-relations.ts';
import './root.ts';
import './scalars.ts';
import './enums.ts';
import './errors.ts';
import './user.ts';
import './auth.ts';
import './block.ts';
import './unit.ts';
import './person.ts';
import './cycle.ts';
import './evaluation.ts';
import './audit.ts';
import './import.ts';
import './emulation.ts';
import './council.ts';
import './flag.ts';
import './appeal.ts';
import './document.ts';
import '../domains/calibration/calibration.ts';
import '../domains/checklist/checklist.ts';
import '../domains/checklist/cycle-settings.ts';
import '../domains/periods/periods.ts';
import '../domains/evidence/evidence.ts';
import '../domains/reminders/reminders.ts';

// every relation to a scoped type goes through its where-builder (scope/scoped-relations.ts)
export const schema = scopeRelations(builder.toSchema({ sortSchema: false }));
