-- Compliance: the election calendar behind the reserve-period rules (Code électoral L52-1, L49).
-- compliance_election: platform-wide elections shipped with Parvis (no collectivité column: the
-- same for everyone, read-only for the application). Rounds are dates in Europe/Paris.
-- compliance_election_override: what one collectivité changed on a shipped election (its dates,
-- or hidden for itself). compliance_local_election: ad-hoc and partial elections a collectivité
-- added for itself.

CREATE TABLE compliance_election (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    code         VARCHAR(60)              NOT NULL,
    kind         VARCHAR(30)              NOT NULL,
    name         VARCHAR(120)             NOT NULL,
    first_round  DATE                     NOT NULL,
    second_round DATE,
    tentative    BOOLEAN                  NOT NULL,
    CONSTRAINT compliance_election_code_uk UNIQUE (code)
);

CREATE TABLE compliance_election_override (
    id               UUID                     NOT NULL PRIMARY KEY,
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id  UUID                     NOT NULL REFERENCES territory_collectivite (id),
    election_id      UUID                     NOT NULL REFERENCES compliance_election (id),
    dates_overridden BOOLEAN                  NOT NULL,
    first_round      DATE,
    second_round     DATE,
    tentative        BOOLEAN                  NOT NULL,
    hidden           BOOLEAN                  NOT NULL,
    CONSTRAINT compliance_election_override_uk UNIQUE (collectivite_id, election_id)
);

CREATE TABLE compliance_local_election (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    collectivite_id UUID                     NOT NULL REFERENCES territory_collectivite (id),
    kind            VARCHAR(30)              NOT NULL,
    name            VARCHAR(120)             NOT NULL,
    first_round     DATE                     NOT NULL,
    second_round    DATE,
    tentative       BOOLEAN                  NOT NULL,
    hidden          BOOLEAN                  NOT NULL,
    created_by      UUID
);
CREATE INDEX compliance_local_election_ix ON compliance_local_election (collectivite_id, first_round);

-- The shipped calendar. Only the 2027 présidentielle dates are set; the others are the expected
-- months, to be confirmed by decree (each collectivité may correct them for itself).
INSERT INTO compliance_election (id, version, created_at, updated_at, code, kind, name, first_round, second_round, tentative)
VALUES
    ('0e1ec710-0000-4000-8000-000000002027', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'presidentielle-2027',
     'PRESIDENTIELLE', 'Élection présidentielle 2027', DATE '2027-04-11', DATE '2027-04-25', FALSE),
    ('0e1ec710-0000-4000-8000-000000012028', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'departementales-2028',
     'DEPARTEMENTALES', 'Élections départementales 2028', DATE '2028-03-19', DATE '2028-03-26', TRUE),
    ('0e1ec710-0000-4000-8000-000000022028', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'regionales-2028',
     'REGIONALES', 'Élections régionales 2028', DATE '2028-03-19', DATE '2028-03-26', TRUE),
    ('0e1ec710-0000-4000-8000-000000012029', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'legislatives-2029',
     'LEGISLATIVES', 'Élections législatives 2029', DATE '2029-06-17', DATE '2029-06-24', TRUE),
    ('0e1ec710-0000-4000-8000-000000022029', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'europeennes-2029',
     'EUROPEENNES', 'Élections européennes 2029', DATE '2029-06-10', NULL, TRUE),
    ('0e1ec710-0000-4000-8000-000000002032', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'municipales-2032',
     'MUNICIPALES', 'Élections municipales 2032', DATE '2032-03-14', DATE '2032-03-21', TRUE);
