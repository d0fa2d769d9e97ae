package fi.hyte.platform.web;

import fi.hyte.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Unknown, malformed and other organisations' ids all answer 404, so that a URL never tells
 * whether a record exists elsewhere. The error page itself is templates/error.html.
 */
@ControllerAdvice
class ErrorHandling {

    @ExceptionHandler({
        NotFoundException.class,
        MethodArgumentTypeMismatchException.class,
        NoResourceFoundException.class
    })
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
