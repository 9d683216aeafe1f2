/** bf16 minimum, maximum, minimumNumber, maximumNumber (IEEE 754-2019 9.6) and totalOrder (5.10). */
import { bf16_maximum } from '../../../src/formats/bf16/maximum.js';
import { bf16_maximumNumber } from '../../../src/formats/bf16/maximumNumber.js';
import { bf16_minimum } from '../../../src/formats/bf16/minimum.js';
import { bf16_minimumNumber } from '../../../src/formats/bf16/minimumNumber.js';
import { bf16_totalOrder } from '../../../src/formats/bf16/totalOrder.js';
import { BF16 } from '../../reference/exact.js';
import { minMaxSuite } from '../../support/suites.js';

minMaxSuite(BF16, {
  minimum: bf16_minimum,
  maximum: bf16_maximum,
  minimumNumber: bf16_minimumNumber,
  maximumNumber: bf16_maximumNumber,
  totalOrder: bf16_totalOrder,
});
