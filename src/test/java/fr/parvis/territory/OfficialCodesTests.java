package fr.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.parvis.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficialCodesTests {

    @ParameterizedTest
    @ValueSource(strings = {"69123", "75056", "01001", "2A004", "2B033", "97411", "97101", "97611", "97502", "98818",
            "95999"})
    void acceptsCommuneCodes(String code) {
        assertThat(OfficialCodes.isCommuneCode(code)).isTrue();
        assertThatCode(() -> OfficialCodes.check(CollectiviteType.COMMUNE, code)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20123", "2C004", "1234", "123456", "00123", "96001", "97900", "69000", "6912A", "ABCDE",
            "98401"})
    void rejectsInvalidCommuneCodes(String code) {
        assertThat(OfficialCodes.isCommuneCode(code)).isFalse();
        assertThatThrownBy(() -> OfficialCodes.check(CollectiviteType.COMMUNE, code))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException error = (InvalidInputException) e;
                    assertThat(error.field()).isEqualTo("officialCode");
                    assertThat(error.messageKey()).isEqualTo("collectivite.officialCode.invalid.COMMUNE");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a004", " 2B 033 ", "69 123"})
    void normalisesCaseAndSpaces(String code) {
        assertThat(OfficialCodes.isCommuneCode(OfficialCodes.normalize(code))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"200046977", "246900245", "213100514"})
    void acceptsSirenWithValidLuhnKey(String siren) {
        assertThat(OfficialCodes.isSiren(siren)).isTrue();
        assertThatCode(() -> OfficialCodes.check(CollectiviteType.EPCI, siren)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"200046978", "12345678", "1234567890", "20004697A"})
    void rejectsInvalidSiren(String siren) {
        assertThat(OfficialCodes.isSiren(siren)).isFalse();
        assertThatThrownBy(() -> OfficialCodes.check(CollectiviteType.EPCI, siren)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "69", "2A", "2B", "95", "971", "976"})
    void acceptsDepartementCodes(String code) {
        assertThatCode(() -> OfficialCodes.check(CollectiviteType.DEPARTEMENT, code)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "00", "96", "977", "2C", "1"})
    void rejectsInvalidDepartementCodes(String code) {
        assertThatThrownBy(() -> OfficialCodes.check(CollectiviteType.DEPARTEMENT, code))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "84", "93", "94", "01", "06"})
    void acceptsRegionCodes(String code) {
        assertThatCode(() -> OfficialCodes.check(CollectiviteType.REGION, code)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"05", "12", "99", "841"})
    void rejectsInvalidRegionCodes(String code) {
        assertThatThrownBy(() -> OfficialCodes.check(CollectiviteType.REGION, code)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void requiresACode(String code) {
        assertThatThrownBy(() -> OfficialCodes.check(CollectiviteType.COMMUNE, code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("collectivite.officialCode.required.COMMUNE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"200046978", "abc"})
    void optionalSirenIsStillChecked(String siren) {
        assertThatThrownBy(() -> OfficialCodes.checkOptionalSiren(siren)).isInstanceOf(InvalidInputException.class);
    }
}
