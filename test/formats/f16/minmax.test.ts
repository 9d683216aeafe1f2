/** f16 minimum, maximum, minimumNumber, maximumNumber (IEEE 754-2019 9.6) and totalOrder (5.10). */
import { f16_maximum } from '../../../src/formats/f16/maximum.js';
import { f16_maximumNumber } from '../../../src/formats/f16/maximumNumber.js';
import { f16_minimum } from '../../../src/formats/f16/minimum.js';
import { f16_minimumNumber } from '../../../src/formats/f16/minimumNumber.js';
import { f16_totalOrder } from '../../../src/formats/f16/totalOrder.js';
import { F16 } from '../../reference/exact.js';
import { minMaxSuite } from '../../support/suites.js';

minMaxSuite(F16, {
  minimum: f16_minimum,
  maximum: f16_maximum,
  minimumNumber: f16_minimumNumber,
  maximumNumber: f16_maximumNumber,
  totalOrder: f16_totalOrder,
});
