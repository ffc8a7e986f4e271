// Common given names and surnames across the survey languages we ship (en de fr es it pt nl pl tr and
// neighbours). Names that are also everyday words (Will, May, Rose, Can, Sem, Rosa, Dolores, Mercedes…) are left out.
export const GIVEN_NAMES = new Set(
	`James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald Steven Paul
Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Jack Dennis Jerry Tyler Aaron Henry Adam Nathan Peter Zachary Kyle
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily
Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna
Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Maria Heather Diane Julie Joyce Victoria
Olivia Sophia Charlotte Amelia Isabella Mia Harper Evelyn Abigail Ella Chloe Lucy Oliver Harry Noah Liam Ethan Lucas Mason Logan
Hans Jürgen Klaus Wolfgang Stefan Andreas Michael Uwe Dieter Günter Horst Helmut Bernd Frank Thorsten Jens Tobias Florian Sebastian
Lukas Leon Felix Jonas Maximilian Niklas Moritz Julian Tim Jan Ursula Monika Petra Sabine Renate Birgit Gabriele Andrea Claudia
Susanne Heike Katrin Stefanie Julia Lena Hannah Leonie Lea Laura Sophie Marie Johanna Katharina Franziska Annika Jana
Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Daniel Bernard Éric Frédéric Laurent Stéphane Olivier Sébastien Julien
Thierry Mathieu Guillaume Antoine Hugo Louis Gabriel Théo Raphaël Arthur Nathalie Isabelle Sylvie Catherine Françoise Valérie Sandrine
Christine Céline Aurélie Camille Manon Chloé Inès Léa Juliette Amélie Élodie Margaux Mathilde
José Antonio Manuel Francisco Juan Javier Jesús Carlos Alejandro Miguel Rafael Pedro Pablo Sergio Fernando Jorge Alberto Luis Álvaro
Diego Adrián Raúl Enrique Ramón Vicente Andrés Joaquín Santiago Carmen Teresa Josefa Isabel Cristina Lucía
Marta Elena Raquel Beatriz Silvia Rocío Nuria Irene Paula Sara Ana Sofía Valentina Ximena Guadalupe
Giuseppe Giovanni Francesco Mario Luigi Angelo Vincenzo Salvatore Roberto Stefano Marco Alessandro Andrea Massimo Luca Matteo
Lorenzo Leonardo Riccardo Davide Simone Federico Giulia Francesca Chiara Alessandra Valentina Federica Silvia Elisa Martina
Giorgia Aurora Beatrice Alessia Sara Roberta Paola Antonella Giovanna Rosaria Graziella
João Francisco Rodrigo Tiago Gonçalo Duarte Afonso Rui Nuno Paulo Sérgio Vítor Ricardo Bruno Miguel Maria Ana Beatriz Mariana
Inês Leonor Matilde Carolina Joana Rita Catarina Sofia Fernanda Luísa Adriana Gabriela Letícia Larissa Thiago Gustavo Felipe
Jan Pieter Johannes Cornelis Hendrik Willem Dirk Gerrit Bram Daan Lars Ruben Thijs Joost Sander Wouter Maarten Koen
Jeroen Niels Anouk Sanne Fleur Lotte Femke Eva Iris Lieke Marloes Annelies Ingrid Mieke Els Saskia Esther Wilhelmina
Piotr Krzysztof Andrzej Tomasz Paweł Marcin Michał Grzegorz Jakub Łukasz Mateusz Kamil Dawid Rafał Wojciech Bartosz Szymon
Agnieszka Małgorzata Katarzyna Joanna Magdalena Monika Dorota Ewa Elżbieta Zofia Krystyna Aleksandra Natalia Karolina Weronika
Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil Emre Burak Cem Kemal Serkan
Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hülya Esra Merve Büşra Özlem Derya Ebru Gül Selin Deniz Cansu
Mohammed Muhammad Ahmed Fatima Aisha Omar Hassan Hussein Khalid Yasmin Ivan Dmitri Sergei Olga Natasha Tatiana Svetlana Igor
Lars Erik Anders Nils Sven Ingrid Astrid Karin Sigrid Mikko Jussi Juha Aino Søren Mette`.split(/\s+/)
);

export const SURNAMES = new Set(
	`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson White Harris Thompson Robinson Clark
Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner
Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard Ward Cox Richardson Wood
Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster Jenkins Powell Sullivan Russell Ortiz Jenkins
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann
Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler
Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent
Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin
García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez
Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Rizzo Lombardi
Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra
Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida
Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Neves Coelho Cruz Cunha Pires
Jong Jansen Vries Bakker Visser Smit Meijer Boer Mulder Groot Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits Koster Willems
Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski
Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski Kowalska Nowakowska Wiśniewska Wójcik
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek`.split(/\s+/)
);
