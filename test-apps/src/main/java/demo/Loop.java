package demo;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An application's own annotation, named with {@code mainLoop=@demo.Loop}. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Loop {
}
