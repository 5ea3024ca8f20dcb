// The mapping of thrown values to API errors is part of the contract (the archive reports with it too).
export { describeIssues, invalidInput, toApiError } from '../contract/api-errors.js';
