// The words that suggestPassphrase draws from (passphrase.ts): common French words, written for Entente, 4 to 8 ASCII letters
// without accents, so that a phrase types the same on any keyboard and normalises the same. Each word drawn at random gives
// log2(size) bits: 4,096 words or more make it 12, so that a suggestion of 5 words reaches 60 bits, « Bonne ».
export const PASSPHRASE_WORDS: readonly string[] = Object.freeze(
  `
abattre abeille abonner abordage aborder about aboutir aboyer abri abricot abriter absence absent absorber acacia acajou accent accepter accord
accorder accoster accroc accroche accueil achat acheter achever acide acier acompte acrobate acte acteur actif action activer actuel adage adapter
adepte adieu adjectif adjoint admettre admirer admis adopter adoptif adorable adorer adoucir adresse adroit adulte adverbe affable affaire affiche
affiner affirmer affluent afflux affolant affreux agate agave agence agenda agent agile agir agiter agneau agrafe agrafer agrandir agrume aide aider
aigle aiglon aigrette aigu aiguille aiguiser aile ailleurs aimable aimant aimanter aimer ainsi airelle aisance aise ajonc ajourner ajout ajouter
ajuster alambic alanguir alarme albatros album alentour alerte alerter alevin alezan algue alibi aligner aliment allant allegro alliage alliance
allonger allumage allumer allure alors alouette alpaga alpage alpe alphabet alpin alterner altier alto alunir amande amandier amarre amarrer amas
amasser amateur ambiance ambition ambre ambulant amende amender amener amer ameublir amical amidon amie amiral amont amorce amorcer amour amphore
ample ampleur ampoule amusant amuser analyse analyser ananas anatomie anchois ancien ancolie ancre ancrer anecdote aneth ange angelot angle anguille
animal animer anis anneau annexe annexer annonce annoncer annuaire annuel annuler anodin anorak anse antan antenne antidote antilope antre anxieux
apaisant apaiser aplanir aplatir aplomb appareil appel appeler appoint apport apporter apprenti approche appui appuyer apte aquarium aqueduc arbitre
arbitrer arborer arbre arbuste arcade arceau arche archer archet archipel archive ardent ardeur ardoise argent argentin argile argot argument aria
aride armoire armoise armure arpent arpenter arracher arranger arriver arrondir arrosage arroser arrosoir article artifice artisan artiste asile
aspect asperge asphalte aspirer assainir asseoir assidu assiette assister associer assortir assumer assurer astiquer astral astre astuce atelier atlas
atoll atome atout attache attacher attelage atteler attendre attente attentif atterrir attester attirer attiser attrait attraper aubade aubaine aube
auberge audace audible audition auge augure aulne aura aurore autant auteur auto autobus autocar automate automne autour autre autruche auvent aval
avaler avance avancer avant avantage avare avenant avenir aventure avenue averse avertir aveu aviateur aviation avide avion aviron avis aviser avocat
avoine avouer avril azimut azote azur babiller bachoter badge badin badiner bagage bague baguette bahut baie baignade baigner bail bain baisser balade
balader baladeur baladin balafon balai balance balancer balayage balayer balcon baleine balise baliser ballade balle ballet ballon ballot balsa bambin
bambou banal banane bananier banc bancal bande bandeau bandit banjo banlieue bannir banque banquet banquier banquise baobab baquet baratin barbe
barbecue barbier barboter barbu barde baril baron baroque barque barrage barre barreau barrer barrette barrique basalte bascule base basilic basket
basse bassin bassine bassiner bastide bastion bataille bateau batelier batik batterie baudrier baume bavard bavarder bavette bavoir bayou bazar beau
beffroi beige beignet belette belote bercail berceau bercer berge berger bergerie berline besace besogne besoin bestiole beurre beurrer biais bibelot
biberon biche bicoque bicorne bidon bidule bienfait biffer bijou bilan billard bille billet biner binette biniou biologie biplan biscotte biscuit bise
biseau bison bistrot bitume bivouac bizarre blague blaguer blaireau blanc blanchir blason blazer bleu bleuet bleuir blizzard bloc blond bloquer blotti
blouse blouson bluffer bobine bocage bocal boeuf boire bois boiser boisson boiter bolet bolide bonbon bonbonne bonde bondir bonheur bonhomme bonifier
bonjour bonne bonnet bonsoir bord border bordure borne bosquet bosse botte botter bottine bouc bouche boucher bouchon boucle boucler bouclier bouder
boue boueux bouffant bouge bougeoir bouger bougie bouillie bouillir bouillon boule bouleau boulet boulette boulot bouquet bouquin bourdon bourg
bourgeon bourse boussole bout boutade boutique bouton bouturer bouvier boxe boxer bracelet braderie braise braiser brancard branche brancher brandir
bras brasier brassage brassard brasse brasser brasseur brave braver bravo brebis bref bretelle brevet bribe bricole bricoler brider brigade brigand
briguer brillant briller brin brio brioche brique briquet brise briser broc brocante broche brochet brochure brocoli broder broderie bronze bronzer
brossage brosse brosser brouette brousse broyer brugnon bruine bruiner bruit brume brumeux brun brunir brusque brut bruyant budget buffet buffle buis
buisson bulbe bulle bulletin bureau burette buste buter butin butte buvable buvard buvette cabane cabaret cabas cabine cabinet cabrer cabriole cacao
cachalot cacher cachet cacheter cachette cachou cactus cadastre cadeau cadenas cadence cadencer cadet cadrage cadran cadre cadrer caduc cafard
cafetier caftan cage cageot cagnotte cahier cahute caille caillou caisse caissier caisson cajoler cajou calcaire calcul calculer cale calepin caler
calibrer calice calme calmer calorie calque calquer calumet camarade cambrer camelot camion camp campagne camper camping campus canal canard canari
candeur candidat candide canevas caniche canicule canif canne cannelle canon canot canoter canotier cantate cantine canton canyon capable cape
capeline capitale capot caprice capsule capter capteur captif capture capturer capuche capucine carafe caramel carapace carat caravane caresse
caresser cargo caribou carillon carnaval carnet carotte carpe carquois carreau carreler carriole carrosse cartable carte carton cascade case caser
casier casque casser cassette cassis castor cause causer causse cavalier cave caveau caverne caviar ceinture cellier cellule cent centaine centaure
central centre cerceau cercle cercler cerf cerfeuil cerise cerisier cerne cerneau certain cerveau cesser chacal chagrin chahuter chaise chalet chaleur
chaloupe chamade chambre chameau chamois champ champion chance chanceux chandail change changer chanson chant chanter chanteur chantier chanvre
chapeau chapelle chaperon chapitre chapon char charabia charade charbon chardon charge chargeur chariot charmant charme charmer charnu charrue charte
chasse chasser chat chaton chatoyer chaud chaudron chauffer chaume chausser chausson chauve chaux chavirer chef chemin cheminer cheminot chemise
chenal chenet chenil chenille chercher cheval chevalet chevelu chevet cheveu cheville chevreau chevron chic chien chiffon chiffre chiffrer chignon
chimie chimiste chiner chiot chipoter chips chlore chocolat choisir choix chope chopine chorale chorus chose chou choucas chouette choyer chrome
chrono chute cibler ciboule ciboulot cidre ciel cigale cigogne cime ciment cinglant cinq cintre cirage circuler cire cirer cirque cirrus ciseau
ciseler citadin citer citerne citoyen citron civet civil civique clair clairon clamer clan clapet clapotis claquer classe classer classeur clavecin
clavier clef client cligner climat clin clivage cloche clocher cloison cloner cloporte clos clou clouer clown club coach cobalt cobaye cocasse cocher
cochon cocon cocorico cocotte code coeur coffre coffret cogiter coiffer coiffeur coiffure coin coincer colibri colis collant colle coller collet
collier colline colombe colonie colonne colorer colorier coloris colossal colza combat combe combiner combler comique commerce commis commode commun
commune comparer compas compiler complet composer compote compte compter comptine comptoir comte concert conclure concours condor conduire confetti
confier confus conjurer conque conseil conserve consigne consoler contact conte contenir content conter conteur contour contrat contrer convenir
convier convoi copain copeau copie copier copieux coquet coquille coquin corail corbeau cordage corde cordial cordon cormoran corne corner cornet
corolle corps correct corridor corriger corsage corsaire corset cosmos cosse costaud costume coteau cotillon cotiser coton couac couche coucher coucou
coude coudre couette couffin couiner couler couleur coulis coulisse couloir coupe coupelle couper couperet couple couplet coupole coupon coupure cour
courage courant courber courge courir couronne courriel courrier courroie course court courtier courtois couscous cousin coussin couteau coutume
couture couver couvert coyote crabe cracher craie craindre craintif crampe cran crapaud craquer cravache cravate crayon cresson creuser creux crevette
crible cric cricket crier crin crique criquet crise crisser cristal croc croche crochet crocus croire croiser croix croquant croquer croquis crouler
croupe croyance cube cueillir cuir cuirasse cuire cuisine cuisson cuivre culbute cultiver culture cumin cumulus curer curieux curry curseur cuve
cuvette cycle cyclisme cyclone cyclope cygne cylindre cymbale dactylo dahlia daigner daim dallage dalle dame damer damier dandiner dandy danger
dansant danse danser danseur dard date dater datte dattier dauphin debout delta demain demande demander demeurer demi denier dense dent dentelle
dentier dentiste dernier dessaler dessert dessin dessiner dessous dessus destin deux deviner devis devise devoir dialogue diamant diapason dicter
diffuser digestif digue dilater diluer dimanche diminuer dinde dindon diorama diriger disco discours discret discuter disette dispos disputer disque
distance distrait divan divers divertir diviser dizaine docile docteur document dodu dogue doigt dolmen domaine dominant domino dompter donc donjon
donner dorade dorer dorloter dormant dormir dortoir doser dossard dossier douane double doubler doublon doublure douceur douche doudoune douillet
doute douter douteux doux douzaine douze dragon drame drap drapeau dressage dresser dressoir dribbler droit droiture druide duel dune duplex durable
durcir durer duvet dynamo dynastie effacer effet efficace effigie effort ellipse emballer embarras embaumer embellir embrayer embrun emmener empiler
emploi employer empocher emporter encadrer encens encenser enclos enclume encoller encolure encore encre encrier endiguer endive endormi endormir
endosser endroit enduit enfance enfant enfiler enfumer engager engin engrais enjamber enlacer enlever enneiger ennoblir ennui enrichir enrober
enrouler ensabler enseigne ensemble entamer entasser entendre entier entonner entourer entracte entrain entraver entrer envahir envers envie envol
envoler envoyer ermitage ermite errer erreur escabeau escadre escalade escale escalier escalope escapade escargot escarpin escrime espace espacer
espadon espalier espoir esprit esquisse esquiver essai essaim essaimer essayer essence essieu essor essorer essuyer estampe estimer estival estomac
estrade estuaire euphorie exact examen exaucer exceller exemple exercice exhiber exiger exil exiler exister exode exotique expansif expert exploit
explorer exporter exposer exprimer extase extraire extrait exulter fable fabuleux facile facteur facture fade fagot fagoter faible faille faim faisan
faisceau fakir falaise falot fameux familier famille fanal fane faner fanfare fanfaron fanion farce farceur farcir fard fardeau farder farfelu
faribole farine fastueux fatiguer fatras faubourg faucher faucille faucon faune fauteuil fautif fauvette faux faveur favori feindre femme fendre
fenouil ferme fermer fermette fermier fermoir ferrer ferry fertile festif festin festival feston festoyer feuille feuillet feutre fiable fiacre fibre
ficeler ficelle fiche fichier fictif fief fier fignoler figue figuier figurant figure figurine filament filant filature filer filet fille fillette
film filmer filon filou fils filtrer final finance financer finaud finesse finir fiole firme fissure fixe fixer fjord flacon flair flairer flamant
flambant flambeau flamber flamenco flamme flan flanc flancher flanelle flaque flash flatter flemme fleur fleurer fleuret fleuri fleurir fleuve
flexible flipper flocon floral flore flot flotter flou fluet fluide fluor flux foin foire fois folie foncer fonceur fond fondant fonder fondre fondue
fontaine fonte football forage forain force forcer forer forfait forger forgeron forme formel former formule fort fortin fortuit fortune fosse fossile
fouet fouetter fougueux fouiller fouillis fouine foulard foule fouler four fourbi fourche fourgon fourmi fourneau fournir fourreau fourrure foyer frac
fracas fraction fragile fragment frais fraise fraisier franc franchir frange frangin frapper frein freiner frelon fresque fret fretin friche frigo
frileux frimas frime frimer fringale fringant frire frise friser frisson frite friteuse friture frivole froid froisser fromage fromager froment
froncer fronde front frontal frotter frugal fruit fruste fuchsia fugace fuir fumer fumet furet fureter furie furtif fusain fuseau fusible fusion
futaie futile futur gabarit gadget gadoue gaffe gage gagner gaillard gain gaine gala galant galerie galet galette galion galon galop galoper galopin
gambade gambader gamelle gamin gamme ganache gant garage garance garant garantir garde garder gardien gardon gare garenne garer garnir garrigue gaufre
gaufrer gaule gaver gavotte gazelle gazette gazeux gazon gazonner geai gecko geler gemme gendarme gendre genou genre gens gentil gerbe gerboise germe
germer geste geyser gibier gicler gigogne gigot gigoter gilet girafe girolle giron gisement givre givrer glace glacer glacial glacier glaise glaner
glissade glisser global globe gloire glousser glouton gluant glycine gnocchi gnome gnou gobelet gober godet goguette golf golfe golfeur gomme gommer
gondole gondoler gonfler gong gorge gorille gosier gouache gouffre goujon goulot gourde gourmand gourmet gousse goutte goyave gracier gracieux grade
gradin graffiti grain graine graisser gramme grand grandeur grandir grange granit granule graphe grappe grappin gras gratin gratter gratuit grave
graver graveur gravier gravir graviter gravure greffe greffer greffier grelot grenade grenat grenier grief griffe griffer grigri gril grillage grille
griller grillon grimace grimer grimoire grimper griotte gris griserie grisou grive grizzli groggy grogner grognon grondin grossir grotte groupe
grouper gruau grue guetter guetteur guichet guide guider guidon guimauve guise guitare gymnase habile habiller habit habitat habiter habituel hache
hacher hachoir haie haleter halo halte hamac hameau hampe hamster hanche hangar hanter hantise hardi hareng haricot harmonie harnais harpe harpon
hasard hasarder hausser haut hautbois hauteur hennir herbage herbe herbier hermine heure heureux hexagone hiberner hibou hippique hisser histoire
hiver hivernal hocher hochet homard homme honneur honorer horaire horizon horloge horloger hotte houblon houe houle houleux housse houx hublot huile
huileux huit humain humble humer humeur humide humour humus huppe hutte hybride hydrater hydre hymne ibis iceberg idiome idylle igloo igname ignorer
iguane illusion illustre image imagier imaginer imbiber imiter immense immerger immeuble immobile impact impair impasse implorer importer imposer
imprimer incarner inciter incliner index indexer indice indigo indiquer inertie infini informer infuser infusion inhaler initier injecter innocent
innover inonder inox inscrire insecte insigne insister insolite inspirer instant instruit intense intime intrigue intrus inventer inventif invite
inviter iode iris irriguer isoler isthme ivoire ivraie jabot jacasser jacinthe jacquard jade jaguar jaillir jalon jalonner jaloux jambe jambon jante
janvier japper jaquette jardin jardiner jardinet jarre jarret jaser jasmin jatte jauger jaune jaunir javelot jazz jerrican jetable jeter jeton jeudi
jeune jeunesse jockey joie joindre joker joli jonc jongler jongleur jouable joue jouer jouet joufflu jour journal joute jovial joyau joyeux jubilant
jubiler jucher judo judoka juge jugement juger juillet juin jujube jumeau jumelage jumelle jument jungle jupe jupon jurer jury juste justesse justice
jute juteux kaki karma kayak kermesse ketchup kilo kilt kimono kiosque kiwi koala label labeur labour labourer lacer lacet lagon lagune lainage laine
laineux laisser lait laitier laiton laitue lama lamantin lambeau lambiner lambris lame lamelle lamenter lampe lampion lancer landau lande langage
lange langer langue languir lanterne lapereau lapin laquer lard lardon large largesse largeur larguer larme lasagne laser lasser lasso latin latte
laurier lavable lavabo lavage lavande lavandin lave laver lavis lavoir layette leader lecteur lecture lemming lent lenteur lentille lessive lessiver
lest leste lester lettre leurre leurrer levain lever levier levure lexique liane liant liasse libraire libre libretto licence lichen licorne lien lier
lierre liesse lieu lignage ligne lilas limace lime limer limier limite limiter limon limonade limpide linge lingot linotte linteau lion liquide lire
liseron liseuse lisible lisse lisser liste lister litchi litre littoral livre livrer livret livreur local loge logement loger logeur logiciel logique
logis logo lointain loisir lombric long longer lopin loque loquet lorgner loriot losange loterie lotion lotus louable louange louche loucher louer
loufoque loup loupe loupiote lourd loutre louve loyal lucarne lucide luciole ludique lueur luge luire luisant lumineux lunaire lundi lune lunette
lustre lustrer luthier lutin lutter lutteur luxe luxueux luzerne lynx lyre macadam macareux macaron machine madrier maestro magasin magazine mage
magicien magie magique magma magnat magnolia magot maigrir maille maillet maillon maillot main mainate maire mairie maison majeur majorer malaxer
malice malin malle mallette mambo mammouth manche manchot mandat manette manga manger mangrove mangue manier manoir manquer mansarde mante manteau
mantille manuel maquette maquis marais marathon marbre marbrier marchand marche marcher mardi mare marelle marge margelle mari marier marin marinade
mariner marmite marmotte marotte marque marquer marquise marraine marron mars marteau marteler martinet martre mascara mascaret mascotte masque
masquer massage masse masser massif mastic match matelas matelot maternel materner matin matinal matou matrice mauve maximal mazout mazurka meilleur
melon membre mener menhir mental menthe mention menton mentor menu menuet mercerie merci mercredi merguez meringue merisier merlan merle message
mesure mesurer mets meuble meubler meunier meute miauler mica micro microbe midi miel mignon migrer mijoter mikado milieu mille millet million mime
mimer mimosa minauder mince mincir mine minerai minet mineur minime minois minou minute miracle mirador mirage mirette mirliton miroir miroiter miser
mission mistral mitaine mite mitonner mitron mixer mixeur mixte mobile mocassin mode modeler modem moderato moderne modeste modifier modiste moduler
moelleux mohair moindre moineau moire mois moka molaire mollet moment momie mondain monde mondial moniteur monnaie monnayer monocle mont montage
montagne monter montre montrer monture monument moquer moquette moraine moral morceau morceler mordre morille morse mortier motard moteur motif motion
motiver moto motte mouche moucher mouchoir moudre mouette moufette moufle mouflon mouiller moule moulin moulure mousse mousser moutarde mouton moyen
moyeu muer muffin muguet mule mulet mulot multiple munir mural murer muret murmure murmurer musc muscade muscle muscler muse museau musette musical
musicien musique muter mutin mutisme mutuel myrtille nacelle nacre nage nageoire nager nageur nandou nanti nappe napper napperon narcisse narguer
narrer narval naseau natal natation natif nation national natte nature naturel naufrage nautique naval navarin navet navette naviguer navire nectar
neige neiger neigeux nerf nerveux nervure nettoyer neuf neurone neutron nicher nichoir nickel nier niveau niveler noble noblesse noce nocturne noeud
noir noircir noisette noix nomade nombre nommer nord normal norme notable notaire note noter notion nouba nouer noueux nougat nounou nourrir nouveau
novateur novembre novice noyau nuage nuageux nuance nuancer nuit nuque nylon oasis objecter objet obliger oblong obole obscur observer obstruer
obtenir ocarina occulter occuper ocelot ocre octave octet octobre octogone octroyer odeur odorant oeillet oeuf oeuvre oeuvrer officiel offrande offre
offrir ogive ogre oignon oiseau oiselet oisif okapi olive olivier ombelle ombre ombrelle ombrer omelette omnibus once onde ondine onduler ongle onglet
onirique onyx onze opale opaque opinion opossum opposer opter optimal option optique opulent opus oracle orage orageux oral orange orateur orbital
orbite ordonner ordre oreille oreiller organe orge orgue oriental orienter origan original origine orme ornement orner orque orteil ortie osciller
oser osier osmose osselet osseux otarie ouate oublier ouest ouragan ourlet ours oursin ourson outarde outil outiller outre outsider ouvert ouvrage
ouvreuse ouvrier ouvrir ovale ovation ozone pacage pacha pacte pactiser paddock paella pagaie pagayer page pagne pagode paiement paille paillote pain
paire paisible palabre palabrer palace palais paletot palette palier palme palmier palourde palper palpiter pampa panache panacher panda panel paner
pangolin panier panne panneau panoplie panorama panser pantalon pantin paon papaye papetier papier papille papillon papoter paprika papyrus paquebot
paquet parabole parade parader parapet parasol paravent parc parcours pardon pareil paresse parfaire parfait parfum parfumer pari parier parka parking
parler parloir parodie parole parquet parrain parsemer part partage partager parterre partie partiel partir parure parvenir parvis passage passe
passer passeur passif passion passoire pastel pastille pastoral patate patauger paternel patience patient patin patiner patineur patio patron patte
pause pauvre pavane pavaner paver pavillon pavoiser pavot payer pays paysage peau peigne peigner peignoir peindre peintre peinture pelage pelle
pelleter pelouse pencher pendule pensable penser penseur pensif pension pente percer perche percher perchoir perdre perdrix pergola perle perler
permis permuter perron perruche persil personne peser petit peupler peuplier peureux pharaon phare philtre phoque photo photon phrase piaffer piailler
pianiste piano pianoter pichet picorer picoter pied pierre pierreux pieu pieuvre pigeon pignon pile pilier pilon pilotage pilote piloter pilotis
piment pimenter pinacle pince pinceau pincer pingouin pinson pintade pinte pioche piocher piolet pion pionnier pipeau pipette piquant piquer piquet
pirate pirogue piscine pistache piste pister piston pitance piton pitre pivert pivoine pivot pivoter pixel pizza placard place placer placette placide
plafond plage plaid plaider plaine plaintif plaire plaisant plaisir plan planche plancher plancton plane planer planeur plant planter plaque plasma
plastron plat platane plateau platine plein pleurer pleuvoir pliable pliant plier plinthe plisser plomb plomber plombier plongeon plonger plot pluie
plumage plume plumeau plumer plumier pluvial pluvieux poche pocher pochette pochoir podium poids poignet poing point pointe pointer pointu poire
poireau poirier pois poisson poivre poivrer poivron polaire polar polder polenta poli police polir polka pollen polo polochon polygone pommade pomme
pommeau pommier pompe pomper pompier pompon poncer poncho ponctuer poney pont ponton popote porc porche porcin pore poreux port portable portail porte
porter portier portion portique portrait poser positif possible postal poste poster posture potable potache potage potager potasser poteau poterie
potiche potier potin potion potiron poubelle pouce poudre poudrer pouf pouffer poulain poule poulet poulie poulpe poumon pourpre pousser poussif
poussin poutre pouvoir prairie praline pratique premier prendre pressage pressant presse presser pressoir prestige preuve prier primaire prime primer
primeur primitif prince prise priser prisme prix probable prochain proche procurer prodige prodigue produire produit profil profiler profiter profond
proie projet projeter promener promesse promo prompt pronom propager proposer propre prospect proton proue prouesse prouver proverbe prudence prudent
prune pruneau prunier public publier puce puceron pudding pudique puiser puissant puits pull pulser puma punch punir pupille pupitre purger putois
puzzle pyjama pyramide quai quarante quart quartier quartz quatorze quatre quatuor quenelle question quetsche quiche quignon quille quinoa quinte
quinze quitter quota rabot raboter racine racler raclette racloir raconter radar rade radeau radieux radio radis rafale raffiner raffut rafler
ragondin ragot raide raidir raie rail raisin raison rajeunir rajouter ralentir rallier rallonge rallumer ramasser rame rameau ramener ramer rameur
ramifier rampe ramper ramure rance rancir rang ranger rapace rapide rappeler rapport raquette rare rasade rascasse raser rasoir rassis rassurer rater
raton ravi ravin ravir raviver rayer rayon rayonner rayure rebelle rebond rebondir rebut recenser recette recevoir recoller recopier record recoudre
recruter recycler redorer refaire refermer refluer refrain refuge regain regard regarder registre reine reinette rejeton relais relater relatif
relayer relever relief relier relire reliure reluire remanier remettre remise remonter remorque remous rempart remplir remuer renard rendre renfort
renifler renne renommer renouer rentable rentrer renvoyer repartir repas repasser repiquer repli replier reporter repos reposer reprise requin respect
respirer ressort rester retable retard retenir retour retracer revenir revers revivre revoir revue rhino riche richesse ricocher ricochet ride rideau
rieur rigide rigolade rigole rigoler rigolo rigueur rime rimer rincer ripaille rire risette risible risotto risquer rissoler rite rivage rival rivet
robe robinet robot robuste rocaille roche rocher rocheux rogner rognon roitelet romain roman romance romarin ronce rond rondeau rondelle rondeur
rondin ronfler ronger roquette rosace rose roseau roseraie rosier rosir rotin rotonde rotule rouage roue rouge rouget rougir rouille rouiller rouleau
rouler roulette roulis roulotte roussir route routeur routier royal royaume ruban rubis ruche rucher ruelle rugby rugir rugueux ruisseau rumeur
ruminer rural ruse rustique rutabaga rythme rythmer sable sabler sablier sabot sachet sacoche safari safran saga sage sagesse sain saindoux saisir
saison salade saladier salaire saler salin saliver salle salon salsa salsifis saluer salut samba samedi sandale sandwich sanglier sanglot santon
sapeur saphir sapin sarcler sardine sarment satin satire sauce saucisse sauge saule saumon sauna saut sauter sauvage sauver savane savant saveur
savoir savon savonner savourer saxo scander sceau sceller sceptre scie science scier sciure scolaire scooter score scout scribe scruter scrutin
sculpter seau seconde secouer secourir secours secteur section segment seiche seigle seize selle sellier semaine semelle semer semis semoir semoule
senteur sentier sentir sept serein serge serin serment serpent serpette serpolet serre serrer serrure serveur service servir seuil seul sevrer sextant
short sieste siffler sifflet signal signaler signe signer silence silex sillage sillon silo simple simuler singe sirocco sirop siroter sirupeux sitar
site sittelle situer skate sketch skier skieur slalom smash sobre social socle sofa soie soif soigner soigneux soin soir soixante soja solaire solde
solder sole soleil solide solution sombre sombrer somme sommeil sommer sommet sommier sonar sonate sonde sonder songer songeur sonner sonnerie sonnet
sonnette sonore sorbet sorcier sorgho sorte sortie sortir souche souci soucier soucieux soucoupe soudain soude souder soudure souffle souffler
soufflet souk soulager soulever soupape soupe soupente soupeser soupir soupirer souple source sourcil souriant sourire souris sous soutenir souvenir
soyeux spacieux spatial spatule spectral spectre sphinx spirale spore sport sportif sprint square stable stade stage stand standard station statue
statut steak steppe sterne steward stimuler stipuler stock stocker store strict strophe studieux studio stylet styliser stylo suave subir sublime
subtil subvenir sucette sucre sucrer sucrier sueur suffire suie suivre sujet sulfate sultane superbe supposer sureau surface surfer surgir surprise
survoler susciter susurrer symbole table tableau tabler tablette tablier tabouret tacheter tactile taffetas taille tailler tailleur taillis tajine
talc talent talisman talon talus tamaris tambour tamis tamiser tampon tandem tangage tangente tango tanguer tante taon tapageur taper tapioca tapir
tapis tapisser tapoter taquin taquiner tarder tardif tarif tarir tarot tarte tartine tartiner tartre tasse tasser tatou tatouer taupe taureau taxi
teck teckel teindre teinte teinter teinture tempo temps tenace tendance tendre tenir tennis tension tente tenter tenue terme terminer terne terrain
terrasse terre terrer terrier terril terroir tesson tester texte textuel texture thermos thon thym tiare ticket tiers tige tigre tilleul timbale
timbre timbrer timide tinter tique tirade tirage tirelire tirer tiret tiroir tisane tison tisonner tissage tisser tissu titane titre titrer tituber
toast toboggan toile toilette toiser toison toit toiture tomate tomber tombola tome tomme tonal tondeuse tondre tonifier tonique tonnage tonneau
tonnelle tonner tonnerre tonte topaze toque toquer torche torchon tordre tornade torrent torsader torse tortue total totem toucan toucher touffe
touffu toundra toupet toupie tour tourbe tourelle tournage tourner tournoi tournure tourteau tousser toux trac tracer tracteur traduire train traire
trait traiter traiteur trajet tram tramway tranche trancher trapu travail travers traverse treize trembler tremper tremplin trente tresse tresser
treuil triangle tribal tribord tribu tricot tricoter tricycle trier trille trimaran trimer trinquer trio triomphe triple triste triton triturer
trivial troc trognon trois trombone tromper tronc tropical troquer trot trotter trottoir trou trouble troubler trouer troupe troupeau trousse trouver
truelle truffe truffer truite tuba tube tuile tulipe tulle tunique tunnel turban turbine turbot tuteur tutoyer tutu tuyau tweed type ultime unanime
unifier uniforme union unique unir univers urbain urgent usage usager user usine usiner usuel utile utiliser utopie vacance vacant vacarme vacciner
vache vacherin vaciller vagabond vague vaillant vaisseau valable valet valeur valide valider valise vallon valoir valse valser valseur vanille vanne
vanneau vanner vannier vanter vapeur varech vareuse varier vase vaste vautour veau vecteur vedette veille veiller veine velours velu vendeur vendre
vendredi venir vent venteux ventiler ventouse ventre venue verbal verbe verdir verdoyer verdure verger verglas vermeil vernir vernis verre verrerie
verrou vers versant verser version vert vertical vertueux verve verveine veste vestige veston vexer viable viaduc viande vibrant vibrer victoire
vidanger vide vider vieillir vieux vigie vigilant vigne vigneron vignette vigueur villa village ville vinaigre vingt vinyle violet violette violon
viorne virage virer virgule virtuel virtuose visa visage viser visible vision visite visiter vison visqueux visser vital vitesse vitrage vitrail vitre
vitrer vitrier vitrine vivable vivace vivant vivier vivifier vivre vocal voeu voguer voile voiler voilier voir voisin voiture voix volaille volant
volcan voler volet voltige voltiger volume vorace vortex vote voter vouer vouloir vouvoyer voyage voyager voyageur vrac vrai vrille vrombir wagon
wagonnet wapiti yacht yack yaourt yoga yole zapper zeppelin zeste zester zigzag zinc zodiaque zone zoner zoom zozoter
`
    .trim()
    .split(/\s+/),
);
