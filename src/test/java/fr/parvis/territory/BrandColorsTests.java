package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrandColorsTests {

    @Test
    void contrastRatiosMatchWcagFormula() {
        assertThat(BrandColors.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(BrandColors.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
        assertThat(BrandColors.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
    }

    @Test
    void readableBrandColourIsUsedElseNeutralBlue() {
        assertThat(BrandColors.accentFor("#0B6E4F")).isEqualTo("#0b6e4f");
        assertThat(BrandColors.accentFor("#e67e22")).isEqualTo(BrandColors.NEUTRAL_BLUE);
        assertThat(BrandColors.accentFor(null)).isEqualTo(BrandColors.NEUTRAL_BLUE);
        assertThat(BrandColors.accentFor("red")).isEqualTo(BrandColors.NEUTRAL_BLUE);
    }
}
