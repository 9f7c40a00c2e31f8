// `node --import ./register-stand-in-engine.mjs`: installs the stand-in engine hooks.
import { register } from 'node:module';

register('./stand-in-hooks.mjs', import.meta.url);
