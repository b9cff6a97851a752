/** Why a service on the pane's page waits: the pane releases it once the workbook's source is applied. */
export const WAITING_FOR_SOURCE = "waiting for the workbook's choice of data source";
