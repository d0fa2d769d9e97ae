/**
 * Charts drawn on the server as self-contained SVG, so that the same picture appears on a page, in a
 * PDF and in a DOCX: the line chart of an indicator and the matrix of a maturity model.
 */
@org.springframework.modulith.NamedInterface("chart")
package fi.hyte.platform.chart;
