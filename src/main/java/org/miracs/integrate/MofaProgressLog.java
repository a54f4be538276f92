package org.miracs.integrate;

import java.util.Locale;
import org.miracs.integrate.mofa.IterationReport;
import org.miracs.integrate.mofa.MofaProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every MOFA iteration: ELBO, its change, active factors and seconds. */
final class MofaProgressLog implements MofaProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger("org.miracs.integrate.mofa");

    @Override
    public void onIteration(IterationReport r) {
        String delta = Double.isNaN(r.deltaElbo()) ? "-" : String.format(Locale.ROOT, "%+.4f", r.deltaElbo());
        LOG.info(String.format(Locale.ROOT, "mofa iteration %4d  elbo %.4f  delta %s  factors %d  %.3f s",
                r.iteration(), r.elbo(), delta, r.activeFactors(), r.seconds()));
    }
}
