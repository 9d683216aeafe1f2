/** f32 minimum, maximum, minimumNumber, maximumNumber (IEEE 754-2019 9.6) and totalOrder (5.10). */
import { f32_maximum } from '../../../src/formats/f32/maximum.js';
import { f32_maximumNumber } from '../../../src/formats/f32/maximumNumber.js';
import { f32_minimum } from '../../../src/formats/f32/minimum.js';
import { f32_minimumNumber } from '../../../src/formats/f32/minimumNumber.js';
import { f32_totalOrder } from '../../../src/formats/f32/totalOrder.js';
import { F32 } from '../../reference/exact.js';
import { minMaxSuite } from '../../support/suites.js';

minMaxSuite(F32, {
  minimum: f32_minimum,
  maximum: f32_maximum,
  minimumNumber: f32_minimumNumber,
  maximumNumber: f32_maximumNumber,
  totalOrder: f32_totalOrder,
});
