import { builder } from '../builder.ts';
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

export const schema = builder.toSchema({ sortSchema: false });
