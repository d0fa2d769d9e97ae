/**
 * The indicator knowledge base: THL Sotkanet's indicators, regions and values, organisations' own
 * local indicators, file imports, the indicator set, comparisons and the open data API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: chart",
            "platform :: format",
            "platform :: files",
            "platform :: jobs",
            "organisation"
        })
package fi.hyte.indicator;
