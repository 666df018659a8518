package dev.reelsmith.store.vendors;

/** The table keys of a vendor's breaker and slot items. */
final class VendorKeys {
    private VendorKeys() {
    }

    static String partition(String providerId) {
        return "VENDOR#" + providerId;
    }
}
