import { bf16_sin, f16_sin, f32_sin } from '../../src/math/sin.js';
import './specs/sin.js';
import { trigSuite } from './support/trig.js';

trigSuite('sin', { f32: f32_sin, f16: f16_sin, bf16: bf16_sin }, 'odd');
