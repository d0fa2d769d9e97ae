/** Numbers, money, dates and times written the way each of Hyte's languages writes them, for pages and documents. */
@org.springframework.modulith.NamedInterface("format")
package fi.hyte.platform.format;
