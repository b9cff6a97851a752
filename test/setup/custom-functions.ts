/*
 * The \`CustomFunctions\` global that Excel's runtime provides: the same stand-in the add-in uses
 * outside Office (Error with code and message, ErrorCode). The Chromium bundle test uses the real runtime.
 */
import "../../src/functions/outside-office";
