package fi.hyte.platform;

/**
 * An entry of the main navigation, contributed as a bean by the module that owns the page. The
 * label is a message key; the item is shown to users holding at least {@code minimumRole}.
 */
public record NavigationItem(int order, String labelKey, String path, Role minimumRole) {}
