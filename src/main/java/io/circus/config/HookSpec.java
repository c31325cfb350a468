package io.circus.config;

/** {@code hooks.NAME = class[, ignore_failure]}. */
public record HookSpec(String className, boolean ignoreFailure) {
}
