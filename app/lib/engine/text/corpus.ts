// Small built-in corpus of everyday survey-answer language (en/de/fr/es) for character-bigram
// plausibility. Kept short on purpose: the model only needs which letter pairs occur at all.
export const CORPUS = `
the service was good and the staff were friendly but the waiting time was too long
i would like more options for vegetarian food and better prices in the shop
it was easy to use the website although the checkout process could be faster
my experience with the product has been great overall i would recommend it to friends
delivery arrived late and the package was damaged which was really disappointing
customer support answered quickly and solved my problem thank you very much
nothing special to mention everything worked fine as expected this year
please improve the mobile app because it crashes often when i open my account
the quality of the coffee is excellent however the chairs are uncomfortable
prices have increased a lot recently so i buy less than before
i think the government should invest more in public transport and schools
my children enjoy the program and the teachers are patient and helpful
work life balance is important to me and flexible hours help a lot
the hotel room was clean quiet and comfortable with a nice view of the city
would be nice to have longer opening hours on weekends and holidays
because of the weather we stayed home most days watching movies together
sometimes the instructions are confusing and i need to ask someone for help
health insurance costs are high and the paperwork takes too much time
der service war gut und das personal sehr freundlich aber die wartezeit war zu lang
ich würde mir mehr auswahl und günstigere preise wünschen vielen dank
die lieferung kam spät und die verpackung war beschädigt was sehr ärgerlich ist
insgesamt bin ich zufrieden mit dem produkt und würde es weiterempfehlen
die webseite ist übersichtlich aber die bezahlung könnte schneller gehen
mehr öffentliche verkehrsmittel auf dem land wären wichtig für unsere familie
die qualität ist hervorragend nur der kundendienst reagiert manchmal nicht
le service était bon et le personnel très aimable mais l attente était trop longue
je voudrais plus de choix et des prix plus bas dans le magasin merci beaucoup
la livraison est arrivée en retard et le colis était abîmé ce qui est décevant
dans l ensemble je suis satisfait du produit et je le recommanderais à mes amis
le site est facile à utiliser mais le paiement pourrait être plus rapide
il faudrait améliorer les transports publics et les écoles dans notre quartier
el servicio fue bueno y el personal muy amable pero la espera fue demasiado larga
me gustaría tener más opciones y precios más bajos en la tienda muchas gracias
la entrega llegó tarde y el paquete estaba dañado lo cual fue muy decepcionante
en general estoy contento con el producto y lo recomendaría a mis amigos
la página web es fácil de usar pero el pago podría ser más rápido
hace falta mejorar el transporte público y las escuelas de nuestro barrio
quick brown fox jumps over the lazy dog while zebras and yaks quietly graze
job knowledge exam zoo quiz jazz pizza vacuum awkward rhythm lymph sphinx
people family question answer because through thought enough although
`;
