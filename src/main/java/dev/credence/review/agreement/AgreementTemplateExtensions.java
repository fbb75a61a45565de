package dev.credence.review.agreement;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Figures on the agreement page: three decimals, an em dash when undefined. */
@TemplateExtension(namespace = "agreement")
public class AgreementTemplateExtensions {
    private AgreementTemplateExtensions() {
    }

    /** {agreement:figure(pair.kappa)} → "0.400" or "—". */
    static String figure(Double value) {
        return value == null || value.isNaN() ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
