package com.nexo.support.requests;

import java.nio.file.Path;

/**
 * A file the user uploaded for a message, waiting in a temporary file until the message is sent.
 *
 * @param name the file's name as the user's device gave it
 * @param contentType its media type as declared by the browser
 */
public record NewFile(String name, String contentType, Path path) {}
