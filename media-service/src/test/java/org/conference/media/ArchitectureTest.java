package org.conference.media;

import org.conference.testsupport.architecture.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
