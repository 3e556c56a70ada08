package vn.citygov.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out larger than allowed; answered with 413. */
public class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("request body too large");
    }
}
