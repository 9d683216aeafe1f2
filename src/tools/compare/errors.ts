/**
 * CompareError: anything the user can fix (a bad option, a missing or mis-shaped file). `fpuless compare` prints its
 * message on stderr and exits with status 2 without writing anything.
 */
export class CompareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareError';
  }
}
