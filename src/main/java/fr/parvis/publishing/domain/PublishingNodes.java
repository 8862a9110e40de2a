package fr.parvis.publishing.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PublishingNodes extends JpaRepository<PublishingNode, String> {
}
