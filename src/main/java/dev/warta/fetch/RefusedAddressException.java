package dev.warta.fetch;

/** Warta will not connect to this address (see {@link AddressGuard}); nothing was sent. */
public class RefusedAddressException extends Exception {

    public RefusedAddressException(String message) {
        super(message);
    }
}
